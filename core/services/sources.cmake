target_sources(vigil_core PRIVATE
    services/supplierstore.h services/supplierstore.cpp)
