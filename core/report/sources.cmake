# core/report: the report document model, data gathering, statement templates, HTML renderer and data exports.
# PDF and ODT rendering (QtGui) live in render/ (vigil_render).
target_sources(vigil_core PRIVATE
    report/reportdocument.h report/reportdocument.cpp
    report/reportdata.h report/reportdata.cpp
    report/reportblocks.h report/reportblocks.cpp report/actionblocks.cpp
    report/reportbuilder.h report/portfolioreport.cpp report/supplierreport.cpp
    report/statements.h report/statements.cpp
    report/statementtexts.h report/statementtexts.cpp
    report/svgchart.h report/svgchart.cpp
    report/htmlrenderer.h report/htmlrenderer.cpp
    report/dataexport.h report/dataexport.cpp)
