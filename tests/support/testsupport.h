#pragma once

#include <QByteArray>
#include <QMap>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

namespace vigil::test {

// tests/data in the source tree.
QString dataDir();
QString dataPath(const QString& relative);
// The vigil-cli binary built with the tests.
QString cliPath();

struct ProcessResult
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};
// exitCode is -1 when the program did not start or crashed, and -2 when it ran longer than timeoutMs (it is killed).
// vigil-cli runs without VIGIL_WORKSPACE from this process's environment, so a test names its workspace.

// Runs vigil-cli with args and optional stdin; waits up to timeoutMs.
ProcessResult runCli(const QStringList& args, const QByteArray& input = {}, int timeoutMs = 120000);
// Same, with extra environment variables (an empty value removes the variable).
ProcessResult runCliEnv(const QStringList& args, const QMap<QString, QString>& env, int timeoutMs = 120000);
// Runs any program with arguments, with extra environment variables.
ProcessResult runProgramEnv(const QString& program, const QStringList& args, const QMap<QString, QString>& env,
                            int timeoutMs = 120000);
ProcessResult runProgram(const QString& program, const QStringList& args, int timeoutMs = 120000);

} // namespace vigil::test
