#pragma once

#include <QLineEdit>

namespace vigil::ui {

// A country field: completes on the ISO 3166-1 names ("Viet Nam (VN)") and accepts any name, former name, alias or
// code the Countries table resolves ("Burma", "TH", "THA", "764", "Türkiye").
class CountryPicker : public QLineEdit
{
    Q_OBJECT
public:
    explicit CountryPicker(QWidget* parent = nullptr);

    // The alpha-2 code of the text, or empty when the text is empty or names no known country.
    QString code() const;
    void setCode(const QString& alpha2);
    // Normalises the text to "Name (CC)" when it resolves.
    void normalise();

signals:
    void codeChanged(const QString& alpha2);

private:
    QString m_lastCode;
};

} // namespace vigil::ui
