# gen.cmake - runs gen.awk for the build (cmake -P), writing OUT only when complete:
#   cmake -DAWK=awk -DMODE=help|man -DSRC=FILE -DOUT=FILE [-DVERSION=V] [-DHEADER=FILE]
#         -P gen.cmake
get_filename_component(out_dir ${OUT} DIRECTORY)
file(MAKE_DIRECTORY ${out_dir})
execute_process(
    COMMAND ${AWK} -v mode=${MODE} -v version=${VERSION} -v header=${HEADER}
            -f ${CMAKE_CURRENT_LIST_DIR}/gen.awk ${SRC}
    OUTPUT_FILE ${OUT}.tmp
    RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
    file(REMOVE ${OUT}.tmp)
    message(FATAL_ERROR "gen.awk failed on ${SRC}")
endif()
file(RENAME ${OUT}.tmp ${OUT})
