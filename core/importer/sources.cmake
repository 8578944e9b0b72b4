# core/importer: supplier lists from CSV/XLSX (after the readers of core/io): mapping, normalising, validating,
# matching, committing, history and undo.
target_sources(vigil_core PRIVATE
    importer/columnmapping.h importer/columnmapping.cpp
    importer/normalize.h importer/normalize.cpp importer/normalizetext.h importer/normalizenumbers.cpp
    importer/rowbuilder.h importer/rowbuilder.cpp
    importer/namematch.h importer/namematch.cpp importer/namematchdetail.h importer/namefilter.cpp
    importer/matchindex.h importer/matchindex.cpp
    importer/bulkwriter.h importer/bulkwriter.cpp
    importer/rowmatcher.h importer/rowmatcher.cpp
    importer/importsupport.h importer/importsupport.cpp
    importer/rowqueue.h importer/importpipeline.h importer/importpipeline.cpp
    importer/mappingprofiles.h importer/mappingprofiles.cpp
    importer/celloverrides.h importer/celloverrides.cpp
    importer/rowcheck.h importer/rowcheck.cpp
    importer/importer.h importer/importer.cpp
    importer/importhistory.h importer/importhistory.cpp)
