# Configures the project beside this file once per way of providing utf8proc, each from a
# fake installation laid out under WORK_DIR (no network, no compiler):
#   vcpkg         the port as it is now: unofficial-utf8proc loads utf8proc's own package
#                 (utf8proc::utf8proc) and adds utf8proc as an ALIAS of it;
#   vcpkg-legacy  older ports: an exported target utf8proc, nothing else;
#   pkg-config    a libutf8proc.pc (Debian, Homebrew) found through PKG_CONFIG_PATH;
#   plain         header and static library under CMAKE_PREFIX_PATH, pkg-config disabled.
# Usage: cmake -DMODULE_DIR=<folder of Findutf8proc.cmake> -DWORK_DIR=<scratch folder>
#              -P run.cmake
foreach(var MODULE_DIR WORK_DIR)
  if(NOT ${var})
    message(FATAL_ERROR "run.cmake needs -D${var}=...")
  endif()
endforeach()
get_filename_component(WORK_DIR "${WORK_DIR}" ABSOLUTE)
file(REMOVE_RECURSE "${WORK_DIR}")
find_program(PKG_CONFIG NAMES pkg-config pkgconf)
if(NOT PKG_CONFIG)
  message(FATAL_ERROR "pkg-config is needed for the pkg-config case (Debian: pkgconf)")
endif()

# The header and the library file, empty: the find module only looks for them.
function(fake_install prefix library)
  file(WRITE "${prefix}/include/utf8proc.h" "")
  file(WRITE "${prefix}/lib/${library}" "")
endfunction()

set(vcpkg "${WORK_DIR}/vcpkg")
fake_install("${vcpkg}" utf8proc.lib)
file(WRITE "${vcpkg}/share/unofficial-utf8proc/unofficial-utf8proc-config.cmake" [=[
message(WARNING "find_package(unofficial-utf8proc) is deprecated (fake vcpkg port)")
include(CMakeFindDependencyMacro)
find_dependency(utf8proc CONFIG)
if(NOT TARGET utf8proc)
  add_library(utf8proc ALIAS utf8proc::utf8proc)
endif()
]=])
file(WRITE "${vcpkg}/share/utf8proc/utf8procConfig.cmake" [=[
get_filename_component(_prefix "${CMAKE_CURRENT_LIST_DIR}/../.." ABSOLUTE)
if(NOT TARGET utf8proc::utf8proc)
  add_library(utf8proc::utf8proc STATIC IMPORTED)
  set_target_properties(utf8proc::utf8proc PROPERTIES
    INTERFACE_INCLUDE_DIRECTORIES "${_prefix}/include"
    IMPORTED_CONFIGURATIONS RELEASE IMPORTED_LOCATION_RELEASE "${_prefix}/lib/utf8proc.lib")
endif()
]=])

set(legacy "${WORK_DIR}/vcpkg-legacy")
fake_install("${legacy}" utf8proc.lib)
file(WRITE "${legacy}/share/unofficial-utf8proc/unofficial-utf8proc-config.cmake" [=[
get_filename_component(_prefix "${CMAKE_CURRENT_LIST_DIR}/../.." ABSOLUTE)
add_library(utf8proc STATIC IMPORTED)
set_target_properties(utf8proc PROPERTIES INTERFACE_INCLUDE_DIRECTORIES "${_prefix}/include"
  IMPORTED_CONFIGURATIONS RELEASE IMPORTED_LOCATION_RELEASE "${_prefix}/lib/utf8proc.lib")
]=])

set(pc "${WORK_DIR}/pkg-config")
fake_install("${pc}" libutf8proc.a)
file(WRITE "${pc}/lib/pkgconfig/libutf8proc.pc" "prefix=${pc}
libdir=\${prefix}/lib
includedir=\${prefix}/include

Name: libutf8proc
Description: UTF8 processing (fake, for the find module's test)
Version: 2.8.0
Libs: -L\${libdir} -lutf8proc
Cflags: -I\${includedir}
")

set(plain "${WORK_DIR}/plain")
fake_install("${plain}" libutf8proc.a)

set(passed 0)
set(failed 0)
# One configure: the library and include folder utf8proc::utf8proc must stand for, STATIC
# when it must carry UTF8PROC_STATIC, ENV name=value pairs, OPTIONS for cmake.
function(configure name library include)
  cmake_parse_arguments(arg "STATIC" "" "ENV;OPTIONS" ${ARGN})
  execute_process(
    COMMAND ${CMAKE_COMMAND} -E env --unset=PKG_CONFIG_PATH ${arg_ENV}
            ${CMAKE_COMMAND} -S "${CMAKE_CURRENT_LIST_DIR}" -B "${WORK_DIR}/build-${name}"
            -DMODULE_DIR=${MODULE_DIR} -DEXPECT_LIBRARY=${library} -DEXPECT_INCLUDE=${include}
            -DEXPECT_STATIC=${arg_STATIC} ${arg_OPTIONS}
    RESULT_VARIABLE result OUTPUT_VARIABLE output ERROR_VARIABLE output)
  if(result EQUAL 0)
    message(STATUS "PASS ${name}")
    math(EXPR passed "${passed} + 1")
  else()
    message(STATUS "FAIL ${name}:\n${output}")
    math(EXPR failed "${failed} + 1")
  endif()
  set(passed ${passed} PARENT_SCOPE)
  set(failed ${failed} PARENT_SCOPE)
endfunction()

configure(vcpkg "${vcpkg}/lib/utf8proc.lib" "${vcpkg}/include"
  OPTIONS -DCMAKE_PREFIX_PATH=${vcpkg} -DCMAKE_DISABLE_FIND_PACKAGE_PkgConfig=ON)
configure(vcpkg-legacy "${legacy}/lib/utf8proc.lib" "${legacy}/include"
  OPTIONS -DCMAKE_PREFIX_PATH=${legacy} -DCMAKE_DISABLE_FIND_PACKAGE_PkgConfig=ON)
configure(pkg-config "${pc}/lib/libutf8proc.a" "${pc}/include" STATIC
  ENV PKG_CONFIG_PATH=${pc}/lib/pkgconfig OPTIONS -DPKG_CONFIG_EXECUTABLE=${PKG_CONFIG})
configure(plain "${plain}/lib/libutf8proc.a" "${plain}/include" STATIC
  OPTIONS -DCMAKE_PREFIX_PATH=${plain} -DCMAKE_DISABLE_FIND_PACKAGE_PkgConfig=ON)

message(STATUS "${passed} passed, ${failed} failed")
if(failed)
  message(FATAL_ERROR "Findutf8proc.cmake: ${failed} of the ways to provide utf8proc failed")
endif()
