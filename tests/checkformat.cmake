# Fails when any tracked C++ source differs from what clang-format makes of it.
file(GLOB_RECURSE sources
    ${SOURCE_DIR}/app/*.cpp ${SOURCE_DIR}/app/*.h
    ${SOURCE_DIR}/models/*.cpp ${SOURCE_DIR}/models/*.h
    ${SOURCE_DIR}/views/*.cpp ${SOURCE_DIR}/views/*.h
    ${SOURCE_DIR}/tests/*.cpp ${SOURCE_DIR}/tests/*.h)
execute_process(COMMAND ${CLANG_FORMAT} --dry-run --Werror ${sources}
    RESULT_VARIABLE result ERROR_VARIABLE output)
if(NOT result EQUAL 0)
    message(FATAL_ERROR "clang-format: these files need `clang-format -i`:\n${output}")
endif()
list(LENGTH sources count)
message(STATUS "clang-format: ${count} files clean")
