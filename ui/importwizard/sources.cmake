# The import wizard (File -> Import suppliers): one page per file.
target_sources(vigil_ui PRIVATE
    importwizard/importjob.cpp
    importwizard/importjob.h
    importwizard/importwizard.cpp
    importwizard/importwizard.h
    importwizard/jobprogress.cpp
    importwizard/jobprogress.h
    importwizard/reportrowmodel.cpp
    importwizard/reportrowmodel.h
    importwizard/filepage.cpp
    importwizard/filepage.h
    importwizard/previewpage.cpp
    importwizard/previewpage.h
    importwizard/mappingpage.cpp
    importwizard/mappingpage.h
    importwizard/validationpage.cpp
    importwizard/validationpage.h
    importwizard/duplicatepage.cpp
    importwizard/duplicatepage.h
    importwizard/commitpage.cpp
    importwizard/commitpage.h
)
