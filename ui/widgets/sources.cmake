target_sources(vigil_ui PRIVATE
    widgets/messagebox.h widgets/messagebox.cpp
    widgets/filedialog.h widgets/filedialog.cpp
    widgets/countrypicker.h widgets/countrypicker.cpp)
target_sources(vigil_ui PRIVATE widgets/icons.h widgets/icons.cpp)
target_sources(vigil_ui PRIVATE widgets/flowlayout.h widgets/flowlayout.cpp)
target_sources(vigil_ui PRIVATE widgets/textstyle.h widgets/textstyle.cpp)
