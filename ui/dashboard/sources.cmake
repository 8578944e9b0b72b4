# ui/dashboard: the portfolio overview. All Qt Charts code is behind chartfactory.h.
target_sources(vigil_ui PRIVATE
    dashboard/chartfactory.h dashboard/chartfactory.cpp
    dashboard/dashboardview.h dashboard/dashboardview.cpp)
target_link_libraries(vigil_ui PUBLIC Qt6::Concurrent)
# The dashboard's corrective-action chart and the supplier view's Actions and Fees tabs come from ui/actions.
include(${CMAKE_CURRENT_LIST_DIR}/../actions/sources.cmake)
