# Bad input test: malformed specs must fail with exit status 2 and a message
# naming the file, never crash.
# Usage: cmake -DSYNTH=... -DTMP=... -P test-bad-spec.cmake
file(REMOVE_RECURSE ${TMP})
file(MAKE_DIRECTORY ${TMP})
set(cases
    "columns 9\n"
    "columns 3\narticle a1 1-4\npara 文字\nend\n"
    "article a1 1-2\npara 文字\n"
    "article a1 1-2\nphoto f1 3 top 40\npara 文字\nend\n"
    "article a1 1\nend\n"
    "bogus-key 1\n"
    "skew 9\narticle a1 1\npara 文字\nend\n"
    "article a1 1\nparas missing-corpus.txt 1 2\nend\n"
    "article a1 1\ncaption 无图\npara 文字\nend\n"
    "body-size 24\ncolumns 6\narticle a1 1-6\npara 文字\nend\n"
    "article a1 1\npara 文字\nend\narticle a1 1\npara 文字\nend\n"
    "article 1a 1\npara 文字\nend\n"
    "article a1 1\nphoto f1 1 top 300\npara 文字\nend\n"
    "article a1 1\nphoto f1 1 top 30\npara 文字\nend\narticle a2 1\nphoto f1 1 top 30\npara 文字\nend\n")
# an article far too long for its page
set(line "para 这是一段很长的正文，用来检查排不下的文章会得到清楚的错误信息。\n")
string(REPEAT "${line}" 60 long)
list(APPEND cases "page 100 100\ncolumns 1\narticle a1 1\n${long}end\n")
set(i 0)
foreach(c ${cases})
    math(EXPR i "${i} + 1")
    string(REPLACE "\\n" "\n" body "${c}")
    file(WRITE ${TMP}/bad${i}.spec "${body}")
    execute_process(COMMAND ${SYNTH} -o ${TMP} ${TMP}/bad${i}.spec
                    RESULT_VARIABLE rc ERROR_VARIABLE err)
    if(NOT rc STREQUAL "2")
        message(FATAL_ERROR "bad${i}.spec: expected exit status 2, got '${rc}' (${err})")
    endif()
    if(NOT err MATCHES "bad${i}.spec|article|columns")
        message(FATAL_ERROR "bad${i}.spec: unhelpful message: ${err}")
    endif()
    message(STATUS "bad${i}.spec rejected: ${err}")
endforeach()
