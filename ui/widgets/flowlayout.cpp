#include "widgets/flowlayout.h"

#include <QStyle>
#include <QWidget>

namespace vigil::ui {

namespace {

// The width an item asks for; rows are filled by it, and it is never less than the item's minimum.
int basis(const QLayoutItem* item)
{
    return qMax(item->sizeHint().width(), item->minimumSize().width());
}

bool grows(const QLayoutItem* item)
{
    return item->expandingDirections() & Qt::Horizontal;
}

} // namespace

FlowLayout::FlowLayout(QWidget* parent)
    : QLayout(parent)
{
}

FlowLayout::~FlowLayout()
{
    while (QLayoutItem* item = takeAt(0))
        delete item;
}

void FlowLayout::addItem(QLayoutItem* item)
{
    m_items.append(item);
    invalidate();
}

int FlowLayout::count() const
{
    return int(m_items.size());
}

QLayoutItem* FlowLayout::itemAt(int index) const
{
    return m_items.value(index);
}

QLayoutItem* FlowLayout::takeAt(int index)
{
    if (index < 0 || index >= m_items.size())
        return nullptr;
    QLayoutItem* item = m_items.takeAt(index);
    invalidate();
    return item;
}

Qt::Orientations FlowLayout::expandingDirections() const
{
    for (const QLayoutItem* item : m_items)
        if (!item->isEmpty() && grows(item))
            return Qt::Horizontal;
    return {};
}

bool FlowLayout::hasHeightForWidth() const
{
    return true;
}

int FlowLayout::heightForWidth(int width) const
{
    return layOut(QRect(0, 0, width, 0), false);
}

QSize FlowLayout::minimumSize() const
{
    QSize size;
    for (const QLayoutItem* item : m_items)
        if (!item->isEmpty())
            size = size.expandedTo(item->minimumSize());
    const QMargins m = contentsMargins();
    return size + QSize(m.left() + m.right(), m.top() + m.bottom());
}

QSize FlowLayout::sizeHint() const
{
    int width = 0;
    int height = 0;
    int visible = 0;
    for (const QLayoutItem* item : m_items) {
        if (item->isEmpty())
            continue;
        width += basis(item);
        height = qMax(height, item->sizeHint().height());
        ++visible;
    }
    const QMargins m = contentsMargins();
    return QSize(width + qMax(0, visible - 1) * spacingOrStyle() + m.left() + m.right(), height + m.top() + m.bottom());
}

void FlowLayout::setGeometry(const QRect& rect)
{
    QLayout::setGeometry(rect);
    layOut(rect, true);
}

int FlowLayout::spacingOrStyle() const
{
    if (spacing() >= 0)
        return spacing();
    const QWidget* parent = parentWidget();
    return parent ? parent->style()->pixelMetric(QStyle::PM_LayoutHorizontalSpacing, nullptr, parent) : 6;
}

QList<int> FlowLayout::rows(int width) const
{
    QList<const QLayoutItem*> visible;
    for (const QLayoutItem* item : m_items)
        if (!item->isEmpty())
            visible.append(item);
    const int n = int(visible.size());
    const int gap = spacingOrStyle();
    // The fewest rows that hold the items spread evenly (the first rows take one more when they do not divide).
    for (int rowCount = 1; rowCount < n; ++rowCount) {
        QList<int> counts;
        for (int r = 0; r < rowCount; ++r)
            counts.append(n / rowCount + (r < n % rowCount ? 1 : 0));
        bool fits = true;
        int first = 0;
        for (int count : counts) {
            int needed = (count - 1) * gap;
            for (int i = first; i < first + count; ++i)
                needed += basis(visible.at(i));
            first += count;
            if (needed > width) {
                fits = false;
                break;
            }
        }
        if (fits)
            return counts;
    }
    return QList<int>(n, 1);
}

int FlowLayout::layOut(const QRect& rect, bool apply) const
{
    const QRect area = rect.marginsRemoved(contentsMargins());
    const int gap = spacingOrStyle();
    QList<QLayoutItem*> visible;
    for (QLayoutItem* item : m_items)
        if (!item->isEmpty())
            visible.append(item);
    int y = area.y();
    int first = 0;
    for (int count : rows(area.width())) {
        const QList<QLayoutItem*> row = visible.mid(first, count);
        first += count;
        int height = 0;
        int used = (count - 1) * gap;
        int growing = 0;
        for (const QLayoutItem* item : row) {
            height = qMax(height, item->sizeHint().height());
            used += basis(item);
            if (grows(item))
                growing += basis(item);
        }
        const int spare = area.width() - used;
        int x = area.x();
        if (spare > 0 && growing == 0) {
            if (alignment() & Qt::AlignRight)
                x += spare;
            else if (alignment() & Qt::AlignHCenter)
                x += spare / 2;
        }
        int handedOut = 0;
        int growingSeen = 0;
        for (QLayoutItem* item : row) {
            int width = basis(item);
            if (spare > 0 && grows(item)) {
                // Shares in proportion to the size hints; the last grower takes what rounding left over.
                growingSeen += basis(item);
                const int share = growingSeen == growing ? spare - handedOut : spare * basis(item) / growing;
                width += share;
                handedOut += share;
            } else if (spare < 0) {
                // A single item wider than the row: as narrow as it may be.
                width = qMax(item->minimumSize().width(), area.width());
            }
            if (apply)
                item->setGeometry(QRect(x, y, width, height));
            x += width + gap;
        }
        y += height + gap;
    }
    if (first > 0)
        y -= gap;
    return y - area.y() + contentsMargins().top() + contentsMargins().bottom();
}

} // namespace vigil::ui
