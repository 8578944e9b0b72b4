# ui/actions: corrective actions, the recruitment-fee ledger and trainings in the GUI (tabs of the supplier view,
# forms, undoable commands, the trainings list).
target_sources(vigil_ui PRIVATE
    actions/actionservice.h actions/actionservice.cpp
    actions/cyclecommand.h actions/cyclecommand.cpp
    actions/fieldmessages.h actions/fieldmessages.cpp
    actions/actiondialog.h actions/actiondialog.cpp
    actions/feedialog.h actions/feedialog.cpp
    actions/trainingdialog.h actions/trainingdialog.cpp
    actions/actionspanel.h actions/actionspanel.cpp
    actions/feespanel.h actions/feespanel.cpp
    actions/trainingsdialog.h actions/trainingsdialog.cpp)
