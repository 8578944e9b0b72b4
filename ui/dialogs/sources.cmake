target_sources(vigil_ui PRIVATE
    dialogs/supplierdialog.h dialogs/supplierdialog.cpp
    dialogs/optionalspinbox.h dialogs/optionalspinbox.cpp)
target_sources(vigil_ui PRIVATE
    dialogs/identifierdialog.h dialogs/identifierdialog.cpp
    dialogs/sitedialog.h dialogs/sitedialog.cpp
    dialogs/recruiterlinkdialog.h dialogs/recruiterlinkdialog.cpp)
