#pragma once

#include <QListWidget>

namespace vigil::ui {

// The sidebar: one entry per feature view. Features not built yet are listed, disabled, with a tooltip saying
// so; they show no content.
class Navigation : public QListWidget
{
    Q_OBJECT
public:
    enum Page { Suppliers, Assessments, Actions, Dashboard, Reports, ReferenceData };

    explicit Navigation(QWidget* parent = nullptr);
    // Makes a feature selectable once its view exists (or greys it out again).
    void setAvailable(Page page, bool available);
    QSize sizeHint() const override;
};

} // namespace vigil::ui
