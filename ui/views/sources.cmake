target_sources(vigil_ui PRIVATE
    views/supplierfilterbar.h views/supplierfilterbar.cpp
    views/supplierregisterview.h views/supplierregisterview.cpp
    views/supplierdetailview.h views/supplierdetailview.cpp
    views/supplierdetailtabs.h views/supplierdetailtabs.cpp
    views/supplierspage.h views/supplierspage.cpp)
