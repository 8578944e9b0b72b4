#pragma once

#include <QColor>
#include <QString>

class QAbstractItemView;
class QLabel;
class QWidget;

namespace vigil::ui {

// The contrast ratio of two colours as WCAG 2 defines it (1 to 21; 4.5 is the least for body text).
double contrastRatio(const QColor& a, const QColor& b);

// Secondary text (notes, explanations): lighter than the widget's text, but always readable on its background, at
// a contrast of at least 4.5:1 (palette(mid) and disabled text fall near 2:1). Follows later palette changes.
void setMutedText(QWidget* widget);

// A sentence shown in the middle of view while it has no rows, saying why it is empty and what to do; hidden as
// soon as the view has a row. Returns the label (its object name is the view's plus "EmptyHint").
QLabel* setEmptyHint(QAbstractItemView* view, const QString& text);
// The label set by setEmptyHint, or nullptr.
QLabel* emptyHint(const QAbstractItemView* view);

} // namespace vigil::ui
