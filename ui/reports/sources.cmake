# ui/reports: the statement editor and the report print preview. PDF/ODT drawing comes from render/ (vigil_render).
target_link_libraries(vigil_ui PUBLIC vigil_render)
# The preview shows the PDF's own pages through poppler-qt6 (Debian: libpoppler-qt6-dev) when it is there, else it
# paints the report with Qt's text layout.
find_package(PkgConfig REQUIRED)
pkg_check_modules(VIGIL_POPPLER_QT6 IMPORTED_TARGET poppler-qt6>=22)
if(VIGIL_POPPLER_QT6_FOUND)
    target_link_libraries(vigil_ui PRIVATE PkgConfig::VIGIL_POPPLER_QT6)
    target_compile_definitions(vigil_ui PRIVATE VIGIL_HAVE_POPPLER_QT6)
endif()
target_sources(vigil_ui PRIVATE
    reports/statementeditor.h reports/statementeditor.cpp
    reports/reportpreview.h reports/reportpreview.cpp
    reports/reportspage.h reports/reportspage.cpp)
