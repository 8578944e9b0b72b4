# One INTERFACE target carries the project's warnings and defines; every Vigil target links it.
add_library(vigil_build_options INTERFACE)
target_compile_options(vigil_build_options INTERFACE -Wall -Wextra -Wno-unused-parameter)
target_compile_definitions(vigil_build_options INTERFACE
    QT_NO_URL_CAST_FROM_STRING
    QT_NO_NARROWING_CONVERSIONS_IN_CONNECT
    QT_DISABLE_DEPRECATED_BEFORE=0x060400
    VIGIL_VERSION="${PROJECT_VERSION}")
if(VIGIL_SANITIZE)
    target_compile_options(vigil_build_options INTERFACE -fsanitize=address,undefined -fno-omit-frame-pointer
                                                         -fno-sanitize-recover=undefined)
    target_link_options(vigil_build_options INTERFACE -fsanitize=address,undefined)
endif()
