# ui/reports: the statement editor and the report print preview. PDF/ODT drawing comes from render/ (vigil_render).
target_link_libraries(vigil_ui PUBLIC vigil_render)
target_sources(vigil_ui PRIVATE
    reports/statementeditor.h reports/statementeditor.cpp
    reports/reportpreview.h reports/reportpreview.cpp
    reports/reportspage.h reports/reportspage.cpp)
