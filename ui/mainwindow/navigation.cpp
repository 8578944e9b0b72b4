#include "mainwindow/navigation.h"

#include "widgets/icons.h"

#include <QStyle>

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
    return QSize(160, QListWidget::sizeHint().height());
}

} // namespace vigil::ui
