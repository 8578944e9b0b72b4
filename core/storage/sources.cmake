find_package(SQLite3 REQUIRED)
target_link_libraries(vigil_core PUBLIC SQLite::SQLite3)
target_sources(vigil_core PRIVATE
    storage/database.h storage/database.cpp
    storage/changelog.h storage/changelog.cpp
    storage/supplierrepository.h storage/supplierrepository.cpp storage/supplierqueries.cpp
    storage/supplierrecruiters.cpp
    storage/supplierdeletion.h storage/supplierdeletion.cpp
    storage/sqlvalues.h
    storage/sampleportfolio.h storage/sampleportfolio.cpp
    storage/workspace.h storage/workspace.cpp)
