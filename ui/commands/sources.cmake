target_sources(vigil_ui PRIVATE
    commands/storecommand.h commands/storecommand.cpp
    commands/addsuppliercommand.h commands/addsuppliercommand.cpp
    commands/editsuppliercommand.h commands/editsuppliercommand.cpp
    commands/deletesuppliercommand.h commands/deletesuppliercommand.cpp)
