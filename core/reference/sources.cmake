target_sources(vigil_core PRIVATE
    reference/countries.h reference/countries.cpp)
