# The LibreOffice SDK: Debian's by default; elsewhere LibreOffice_SDK (or the SDK's own
# OO_SDK_HOME) and LO_PROGRAM (the office's program folder, or on macOS the app's
# Contents/Resources, where types.rdb lies). CA_UNO_GENERATED names a folder with the type
# library and cppumaker headers made elsewhere (CI makes them once, on Linux): they carry
# nothing platform-specific.
if(DEFINED ENV{OO_SDK_HOME} AND NOT LibreOffice_SDK)
  set(LibreOffice_SDK $ENV{OO_SDK_HOME})
endif()
set(LibreOffice_SDK /usr/lib/libreoffice/sdk CACHE PATH "LibreOffice SDK directory")
set(LO_SDK ${LibreOffice_SDK})
set(LO_PROGRAM /usr/lib/libreoffice/program CACHE PATH "LibreOffice program directory")
set(LO_TYPES ${LO_PROGRAM}/types.rdb ${LO_PROGRAM}/types/offapi.rdb)
set(CA_UNO_GENERATED "" CACHE PATH "Type library and headers generated elsewhere")

# The platform: its token in the .oxt, C++ bridge, library suffix and SDK flags.
if(WIN32)
  set(CA_PLATFORM windows_x86_64)
  set(CA_UNO_BRIDGE mscx)
  set(CA_SUFFIX .uno.dll)
  set(CA_UNO_DEFINES WIN32 WNT CPPU_ENV=mscx)
  set(CA_UNO_LIBS icppuhelper icppu isal)
elseif(APPLE)
  set(CA_PLATFORM macosx) # one universal library: CMAKE_OSX_ARCHITECTURES="x86_64;arm64"
  set(CA_UNO_BRIDGE gcc3)
  set(CA_SUFFIX .uno.dylib)
  set(CA_UNO_DEFINES UNX GCC MACOSX CPPU_ENV=gcc3)
  set(CA_UNO_LIBS "") # resolved in the office at load: -undefined dynamic_lookup
else()
  string(TOLOWER "linux_${CMAKE_SYSTEM_PROCESSOR}" CA_PLATFORM)
  set(CA_UNO_BRIDGE gcc3)
  set(CA_SUFFIX .uno.so)
  set(CA_UNO_DEFINES UNX GCC LINUX CPPU_ENV=gcc3)
  set(CA_UNO_LIBS uno_cppuhelpergcc3 uno_cppu uno_sal)
endif()
set(CA_LIBRARY customeranalytics${CA_SUFFIX})
