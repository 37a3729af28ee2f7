# run_cli.cmake: run newsocr-eval once and check its exit status and output.
#   cmake -DEXE=path -DARGS="a|b|c" -DWORKDIR=dir -DEXPECT_RC=2
#         [-DEXPECT_STDERR=regex] [-DEXPECT_STDOUT=regex]
#         [-DEXPECT_FILE=path -DEXPECT_FILE_MATCH=regex]
#         [-DMAKE_LONG_GT=path] -P run_cli.cmake
# ARGS is '|'-separated so that it survives add_test() unchanged.
# MAKE_LONG_GT: first write there a PAGE file whose one region holds 300,000 characters,
# more than the metrics take (NEVAL_TEXT_MAX), made here rather than committed.
if(DEFINED MAKE_LONG_GT)
    string(REPEAT "a" 300000 long_text)
    file(WRITE "${MAKE_LONG_GT}"
         "<PcGts><Page><TextRegion id='r'><TextEquiv><Unicode>${long_text}</Unicode>"
         "</TextEquiv></TextRegion></Page></PcGts>\n")
endif()
string(REPLACE "|" ";" args "${ARGS}")
if(DEFINED EXPECT_FILE)
    file(REMOVE "${EXPECT_FILE}")
endif()
execute_process(COMMAND "${EXE}" ${args}
                WORKING_DIRECTORY "${WORKDIR}"
                RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT rc STREQUAL "${EXPECT_RC}")
    message(FATAL_ERROR
            "exit status ${rc}, expected ${EXPECT_RC}\nstdout:\n${out}\nstderr:\n${err}")
endif()
if(DEFINED EXPECT_STDERR AND NOT err MATCHES "${EXPECT_STDERR}")
    message(FATAL_ERROR "stderr does not match '${EXPECT_STDERR}':\n${err}")
endif()
if(DEFINED EXPECT_STDOUT AND NOT out MATCHES "${EXPECT_STDOUT}")
    message(FATAL_ERROR "stdout does not match '${EXPECT_STDOUT}':\n${out}")
endif()
if(DEFINED EXPECT_FILE)
    if(NOT EXISTS "${EXPECT_FILE}")
        message(FATAL_ERROR "${EXPECT_FILE} was not written")
    endif()
    file(READ "${EXPECT_FILE}" content)
    if(NOT content MATCHES "${EXPECT_FILE_MATCH}")
        message(FATAL_ERROR "${EXPECT_FILE} does not match '${EXPECT_FILE_MATCH}':\n${content}")
    endif()
endif()
