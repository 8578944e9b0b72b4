# core/actions: the remediation cycle (corrective actions, recruitment-fee ledger, trainings).
target_sources(vigil_core PRIVATE
    actions/actiontypes.h actions/actiontypes.cpp
    actions/actionrepository.h actions/actionrepository.cpp
    actions/actionsummary.h actions/actionsummary.cpp
    actions/actionmitigations.h actions/actionmitigations.cpp)
