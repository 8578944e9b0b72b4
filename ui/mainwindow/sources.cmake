target_sources(vigil_ui PRIVATE
    mainwindow/mainwindow.h mainwindow/mainwindow.cpp
    mainwindow/mainwindowactions.cpp
    mainwindow/navigation.h mainwindow/navigation.cpp
    mainwindow/recentfiles.h mainwindow/recentfiles.cpp)
