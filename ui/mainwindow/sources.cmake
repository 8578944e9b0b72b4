target_sources(vigil_ui PRIVATE
    mainwindow/mainwindow.h mainwindow/mainwindow.cpp)
