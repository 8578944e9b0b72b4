# The scoring methodology as data (read by vigil::Methodology::loadDefault()).
qt_add_resources(vigil_resources "vigil_methodology" PREFIX "/methodology" BASE methodology
    FILES methodology/default.json)
