#pragma once

#include <QListWidget>

namespace vigil::ui {

// The sidebar: one entry per feature view. Features not built yet are listed, disabled, with a tooltip saying
// so; they show no content. It is never narrower than its longest label (in its font, with its icon), so no label
// is ever cut short, whatever the language or font size.
class Navigation : public QListWidget
{
    Q_OBJECT
public:
    enum Page { Suppliers, Assessments, Actions, Dashboard, Reports, ReferenceData };

    explicit Navigation(QWidget* parent = nullptr);
    // Makes a feature selectable once its view exists (or greys it out again).
    void setAvailable(Page page, bool available);
    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;
};

} // namespace vigil::ui
