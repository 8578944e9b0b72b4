#include "widgets/countrypicker.h"

#include "models/supplierformat.h"
#include "reference/countries.h"

#include <QCompleter>
#include <QRegularExpression>
#include <QStringListModel>

namespace vigil::ui {

CountryPicker::CountryPicker(QWidget* parent)
    : QLineEdit(parent)
{
    QStringList names;
    for (const Countries::Entry& e : Countries::instance().entries())
        names << format::country(e.alpha2);
    names.sort(Qt::CaseInsensitive);
    auto* completer = new QCompleter(new QStringListModel(names, this), this);
    completer->setCaseSensitivity(Qt::CaseInsensitive);
    completer->setFilterMode(Qt::MatchContains);
    completer->setCompletionMode(QCompleter::PopupCompletion);
    setCompleter(completer);
    setPlaceholderText(tr("Country name or code, e.g. Viet Nam, Burma, TH"));
    setClearButtonEnabled(true);
    connect(this, &QLineEdit::textChanged, this, [this] {
        const QString c = code();
        if (c != m_lastCode) {
            m_lastCode = c;
            emit codeChanged(c);
        }
    });
    connect(this, &QLineEdit::editingFinished, this, &CountryPicker::normalise);
}

QString CountryPicker::code() const
{
    const QString t = text().trimmed();
    if (t.isEmpty())
        return {};
    // "Viet Nam (VN)" as the completer writes it.
    static const QRegularExpression withCode(QStringLiteral("^(.*)\\(([A-Z]{2})\\)$"));
    const auto m = withCode.match(t);
    if (m.hasMatch() && Countries::instance().isCode(m.captured(2)))
        return m.captured(2);
    return Countries::instance().resolve(t).value_or(QString());
}

void CountryPicker::setCode(const QString& alpha2)
{
    setText(format::country(alpha2));
}

void CountryPicker::normalise()
{
    const QString c = code();
    if (!c.isEmpty() && text() != format::country(c))
        setText(format::country(c));
}

} // namespace vigil::ui
