#include "widgets/textstyle.h"

#include <QAbstractItemModel>
#include <QAbstractItemView>
#include <QEvent>
#include <QLabel>

#include <cmath>

namespace vigil::ui {

namespace {

double luminance(const QColor& c)
{
    auto channel = [](double v) { return v <= 0.03928 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4); };
    return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF());
}

QColor mix(const QColor& a, const QColor& b, double t)
{
    return QColor::fromRgbF(float(a.redF() + (b.redF() - a.redF()) * t),
                            float(a.greenF() + (b.greenF() - a.greenF()) * t),
                            float(a.blueF() + (b.blueF() - a.blueF()) * t));
}

// The colour between text and background nearest to the background that keeps a contrast of 4.5:1 (and no more
// than 45 % of the way to the background, so that it still reads as text).
QColor mutedColor(const QColor& text, const QColor& background)
{
    for (double t = 0.45; t > 0.0; t -= 0.05) {
        const QColor c = mix(text, background, t);
        if (contrastRatio(c, background) >= 4.6)
            return c;
    }
    return text;
}

void applyMuted(QWidget* widget)
{
    QPalette p = widget->palette();
    for (QPalette::ColorGroup group : {QPalette::Active, QPalette::Inactive}) {
        p.setColor(group, QPalette::WindowText,
                   mutedColor(p.color(group, QPalette::WindowText), p.color(group, QPalette::Window)));
        p.setColor(group, QPalette::Text, mutedColor(p.color(group, QPalette::Text), p.color(group, QPalette::Base)));
    }
    widget->setPalette(p);
}

// Re-applies the muted colours when the application's palette changes (a dark theme), and keeps the empty hint
// over the whole viewport.
class TextStyleFilter : public QObject
{
public:
    using QObject::QObject;

protected:
    bool eventFilter(QObject* watched, QEvent* event) override
    {
        if (event->type() == QEvent::ApplicationPaletteChange) {
            auto* w = static_cast<QWidget*>(watched);
            w->setPalette(QPalette());
            applyMuted(w);
        } else if (event->type() == QEvent::Resize) {
            if (auto* label = watched->findChild<QLabel*>(QString(), Qt::FindDirectChildrenOnly))
                if (label->property("vigilEmptyHint").toBool())
                    label->setGeometry(static_cast<QWidget*>(watched)->rect().adjusted(12, 12, -12, -12));
        }
        return false;
    }
};

} // namespace

double contrastRatio(const QColor& a, const QColor& b)
{
    const double la = luminance(a), lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

void setMutedText(QWidget* widget)
{
    applyMuted(widget);
    widget->installEventFilter(new TextStyleFilter(widget));
}

QLabel* setEmptyHint(QAbstractItemView* view, const QString& text)
{
    QLabel* label = emptyHint(view);
    if (!label) {
        label = new QLabel(view->viewport());
        label->setObjectName(view->objectName() + QStringLiteral("EmptyHint"));
        label->setProperty("vigilEmptyHint", true);
        label->setAlignment(Qt::AlignCenter);
        label->setWordWrap(true);
        label->setAttribute(Qt::WA_TransparentForMouseEvents);
        label->setGeometry(view->viewport()->rect().adjusted(12, 12, -12, -12));
        setMutedText(label);
        view->viewport()->installEventFilter(new TextStyleFilter(label));
        QAbstractItemModel* model = view->model();
        auto update = [view, label] {
            const bool empty = !view->model() || view->model()->rowCount() == 0;
            if (empty) // the viewport moved it with the rows it scrolled
                label->setGeometry(view->viewport()->rect().adjusted(12, 12, -12, -12));
            label->setVisible(empty);
        };
        QObject::connect(model, &QAbstractItemModel::rowsInserted, label, update);
        QObject::connect(model, &QAbstractItemModel::rowsRemoved, label, update);
        QObject::connect(model, &QAbstractItemModel::modelReset, label, update);
        QObject::connect(model, &QAbstractItemModel::layoutChanged, label, update);
        update();
    }
    label->setText(text);
    return label;
}

QLabel* emptyHint(const QAbstractItemView* view)
{
    for (QLabel* label : view->viewport()->findChildren<QLabel*>(QString(), Qt::FindDirectChildrenOnly))
        if (label->property("vigilEmptyHint").toBool())
            return label;
    return nullptr;
}

} // namespace vigil::ui
