target_sources(vigil_core PRIVATE
    risk/riskinput.h
    risk/riskresult.h risk/riskresult.cpp
    risk/methodology.h risk/methodology.cpp
    risk/referencedata.h risk/referencedata.cpp
    risk/ilabdata.h risk/ilabdata.cpp
    risk/riskengine.h risk/riskengine.cpp
    risk/riskjson.h risk/riskjson.cpp
    risk/sitelabels.h risk/sitelabels.cpp
    risk/riskrepository.h risk/riskrepository.cpp
    risk/scoring.h risk/scoring.cpp
    risk/scorejob.h risk/scorejob.cpp
    risk/scorestore.h risk/scorestore.cpp risk/sqlitestatement.h
    risk/datasetimport.h risk/datasetimport.cpp
    risk/datasetcatalog.h risk/datasetcatalog.cpp
    risk/methodologystore.h risk/methodologystore.cpp)
