target_sources(vigil_ui PRIVATE
    models/pagecache.h models/pagecache.cpp
    models/suppliertablemodel.h models/suppliertablemodel.cpp
    models/supplierformat.h models/supplierformat.cpp)
