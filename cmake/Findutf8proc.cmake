# utf8proc (Unicode normalisation and case folding) as the target utf8proc::utf8proc:
# vcpkg's CMake package, else pkg-config (Debian, Homebrew), else a plain search.
# UTF8PROC_STATIC=ON (the default) prefers the static library, so that the add-in needs
# nothing beside LibreOffice on the user's machine.
# tests/cmake/findutf8proc configures against each of the three branches.
option(UTF8PROC_STATIC "Link utf8proc statically" ON)
if(TARGET utf8proc::utf8proc)
  set(utf8proc_FOUND TRUE)
  return()
endif()

# vcpkg: the port's unofficial-utf8proc config. Newer ports load utf8proc's own package,
# which makes utf8proc::utf8proc itself (and utf8proc an ALIAS of it): take it as it is.
# Older ports made only utf8proc or unofficial::utf8proc::utf8proc: alias the real target,
# never an ALIAS (CMake refuses an alias of an alias).
find_package(unofficial-utf8proc CONFIG QUIET)
if(TARGET utf8proc::utf8proc)
  set(utf8proc_FOUND TRUE)
  return()
endif()
foreach(vcpkg_target unofficial::utf8proc::utf8proc utf8proc)
  if(TARGET ${vcpkg_target})
    get_target_property(real_target ${vcpkg_target} ALIASED_TARGET)
    if(NOT real_target)
      set(real_target ${vcpkg_target})
    endif()
    add_library(utf8proc::utf8proc ALIAS ${real_target})
    set(utf8proc_FOUND TRUE)
    return()
  endif()
endforeach()

find_package(PkgConfig QUIET)
if(PKG_CONFIG_FOUND)
  pkg_check_modules(PC_UTF8PROC QUIET libutf8proc)
endif()
find_path(UTF8PROC_INCLUDE_DIR utf8proc.h HINTS ${PC_UTF8PROC_INCLUDE_DIRS})
set(_names utf8proc libutf8proc)
if(UTF8PROC_STATIC)
  set(_names libutf8proc.a utf8proc_static utf8proc ${_names})
endif()
find_library(UTF8PROC_LIBRARY NAMES ${_names} HINTS ${PC_UTF8PROC_LIBRARY_DIRS})

include(FindPackageHandleStandardArgs)
find_package_handle_standard_args(utf8proc REQUIRED_VARS UTF8PROC_LIBRARY UTF8PROC_INCLUDE_DIR)
if(utf8proc_FOUND)
  add_library(utf8proc::utf8proc UNKNOWN IMPORTED)
  set_target_properties(utf8proc::utf8proc PROPERTIES
    IMPORTED_LOCATION ${UTF8PROC_LIBRARY} INTERFACE_INCLUDE_DIRECTORIES ${UTF8PROC_INCLUDE_DIR})
  if(UTF8PROC_LIBRARY MATCHES "\\.a$|_static\\.lib$")
    set_property(TARGET utf8proc::utf8proc PROPERTY INTERFACE_COMPILE_DEFINITIONS UTF8PROC_STATIC)
  endif()
endif()
