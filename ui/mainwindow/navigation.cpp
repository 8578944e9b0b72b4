#include "mainwindow/navigation.h"

#include "widgets/icons.h"

#include <QStyle>
#include <QStyleOptionViewItem>

namespace vigil::ui {

Navigation::Navigation(QWidget* parent)
    : QListWidget(parent)
{
    setObjectName(QStringLiteral("navigation"));
    setFrameShape(QFrame::NoFrame);
    setIconSize(QSize(22, 22));
    setSpacing(2);
    setUniformItemSizes(true);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    struct Entry
    {
        QString text;
        std::initializer_list<const char*> icons;
        QStyle::StandardPixmap fallback;
        bool ready;
    };
    const Entry entries[] = {
        {tr("Suppliers"), {"system-users", "user-group"}, QStyle::SP_FileDialogListView, true},
        {tr("Assessments"), {"document-properties"}, QStyle::SP_FileDialogDetailedView, false},
        {tr("Actions"), {"view-task", "emblem-documents"}, QStyle::SP_DialogApplyButton, false},
        {tr("Dashboard"), {"office-chart-bar", "x-office-presentation"}, QStyle::SP_ComputerIcon, false},
        {tr("Reports"), {"x-office-document"}, QStyle::SP_FileIcon, false},
        {tr("Reference data"), {"accessories-dictionary"}, QStyle::SP_DirIcon, false},
    };
    for (const Entry& e : entries) {
        auto* item = new QListWidgetItem(themeIcon(e.icons, e.fallback), e.text, this);
        item->setSizeHint(QSize(0, 34));
        if (!e.ready) {
            item->setFlags(Qt::NoItemFlags);
            item->setToolTip(tr("Coming in a later version of Vigil."));
        }
    }
    setCurrentRow(Suppliers);
}

void Navigation::setAvailable(Page page, bool available)
{
    QListWidgetItem* it = item(page);
    if (!it)
        return;
    it->setFlags(available ? Qt::ItemIsEnabled | Qt::ItemIsSelectable : Qt::NoItemFlags);
    it->setToolTip(available ? QString() : tr("Coming in a later version of Vigil."));
}

QSize Navigation::sizeHint() const
{
    return QSize(qMax(160, minimumSizeHint().width()), QListWidget::sizeHint().height());
}

QSize Navigation::minimumSizeHint() const
{
    // What the style needs to draw the widest entry whole: icon, text, and the margins around and between them.
    QStyleOptionViewItem option;
    initViewItemOption(&option);
    option.features |= QStyleOptionViewItem::HasDisplay | QStyleOptionViewItem::HasDecoration;
    option.decorationSize = iconSize();
    int widest = 0;
    for (int row = 0; row < count(); ++row) {
        const QListWidgetItem* it = item(row);
        option.text = it->text();
        option.icon = it->icon();
        widest = qMax(widest, style()->sizeFromContents(QStyle::CT_ItemViewItem, &option, QSize(), this).width());
    }
    // The list leaves spacing() on both sides of an item; a vertical scroll bar takes its width when it shows.
    const QMargins margins = viewportMargins();
    int width = widest + 2 * spacing() + 2 * frameWidth() + margins.left() + margins.right();
    if (verticalScrollBarPolicy() != Qt::ScrollBarAlwaysOff)
        width += style()->pixelMetric(QStyle::PM_ScrollBarExtent, nullptr, this);
    return QSize(width, QListWidget::minimumSizeHint().height());
}

} // namespace vigil::ui
