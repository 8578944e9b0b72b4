target_sources(vigil_core PRIVATE
    util/result.h util/result.cpp
    util/savefile.h util/savefile.cpp
    util/uuid.h util/uuid.cpp
    util/textkey.h util/textkey.cpp)
