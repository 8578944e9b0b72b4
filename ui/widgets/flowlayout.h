#pragma once

#include <QLayout>
#include <QList>

namespace vigil::ui {

// Lays widgets out in rows that wrap when the width runs out, so that a row of filters or buttons never makes a
// pane wider than its narrowest useful size (Qt's Flow Layout example, with two changes):
// - the items are spread evenly over as few rows as they need (seven filters in two rows are 4 + 3, not 6 + 1);
// - a row fills the width: items that can grow share the spare width in proportion to their size hints; when none
//   can, the row is aligned as the layout's alignment says (Qt::AlignRight for a row of buttons).
// An item never gets less than its minimum size; the layout is as narrow as its widest item.
class FlowLayout : public QLayout
{
public:
    explicit FlowLayout(QWidget* parent = nullptr);
    ~FlowLayout() override;

    void addItem(QLayoutItem* item) override;
    int count() const override;
    QLayoutItem* itemAt(int index) const override;
    QLayoutItem* takeAt(int index) override;
    Qt::Orientations expandingDirections() const override;
    bool hasHeightForWidth() const override;
    int heightForWidth(int width) const override;
    QSize minimumSize() const override;
    QSize sizeHint() const override;
    void setGeometry(const QRect& rect) override;

private:
    // Items per row at this width of the contents (margins excluded).
    QList<int> rows(int width) const;
    // Places the items in rect (when apply) and returns the height they take.
    int layOut(const QRect& rect, bool apply) const;
    // spacing(), else the style's horizontal spacing between widgets.
    int spacingOrStyle() const;

    QList<QLayoutItem*> m_items;
};

} // namespace vigil::ui
