# core/io: table readers (CSV, XLSX) and the cell text rules shared by preview and importer.
target_sources(vigil_core PRIVATE
    io/tablereader.h io/tablereader.cpp
    io/cellformat.h io/cellformat.cpp
    io/csv/textdecoder.h io/csv/textdecoder.cpp
    io/csv/csvreader.h io/csv/csvreader.cpp io/csv/csvencodingcheck.cpp
    io/xlsx/xlsxpackage.h io/xlsx/xlsxpackage.cpp
    io/xlsx/xlsxparts.h io/xlsx/xlsxparts.cpp
    io/xlsx/xlsxreader.h io/xlsx/xlsxreader.cpp)
