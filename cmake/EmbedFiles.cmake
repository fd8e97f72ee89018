# dramatis_embed_files(): compiles files into a generated C++ source, so binaries need no data
# files at run time (the built-in corpus, the UI font). The generated source defines
#   std::span<const dramatis::EmbeddedFile> <FUNCTION>()
# in namespace dramatis, with each file's path relative to BASE and its exact bytes.

set(DRAMATIS_EMBED_SCRIPT "${CMAKE_CURRENT_LIST_DIR}/embed_files_script.cmake")

function(dramatis_embed_files)
  cmake_parse_arguments(ARG "" "OUTPUT;FUNCTION;BASE" "FILES" ${ARGN})
  string(REPLACE ";" "|" files_arg "${ARG_FILES}")
  add_custom_command(
    OUTPUT "${ARG_OUTPUT}"
    COMMAND "${CMAKE_COMMAND}" "-DOUTPUT=${ARG_OUTPUT}" "-DFUNCTION=${ARG_FUNCTION}"
            "-DBASE=${ARG_BASE}" "-DFILES=${files_arg}" -P "${DRAMATIS_EMBED_SCRIPT}"
    DEPENDS ${ARG_FILES} "${DRAMATIS_EMBED_SCRIPT}"
    COMMENT "Embedding ${ARG_FUNCTION} (${ARG_OUTPUT})"
    VERBATIM)
endfunction()
