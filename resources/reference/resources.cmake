# Bundled reference data (public domain US DOL ILAB data, see reference/ilab/SOURCE.md).
qt_add_resources(vigil_resources "vigil_reference" PREFIX "/reference" BASE reference
    FILES reference/ilab/goods_2021.csv reference/ilab/countries_2021_summary.csv reference/ilab/SOURCE.md)
