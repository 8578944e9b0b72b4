target_sources(vigil_core PRIVATE
    model/supplier.h model/supplier.cpp)
