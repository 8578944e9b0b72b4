# ui/dashboard: the portfolio overview. All Qt Charts code is behind chartfactory.h.
target_sources(vigil_ui PRIVATE
    dashboard/chartfactory.h dashboard/chartfactory.cpp
    dashboard/dashboardview.h dashboard/dashboardview.cpp)
target_link_libraries(vigil_ui PUBLIC Qt6::Concurrent)
