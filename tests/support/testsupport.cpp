#include "testsupport.h"

#include <QDir>
#include <QProcess>
#include <QProcessEnvironment>

namespace vigil::test {

QString dataDir()
{
    return qEnvironmentVariable("VIGIL_TEST_DATA");
}

QString dataPath(const QString& relative)
{
    return QDir(dataDir()).filePath(relative);
}

QString cliPath()
{
    return qEnvironmentVariable("VIGIL_CLI");
}

namespace {

// Runs `program` in `env`, writes `input` to its stdin, and waits up to timeoutMs; a program still running then is
// killed (exit code -2), one that crashed gives -1.
ProcessResult run(const QString& program, const QStringList& args, const QProcessEnvironment& env,
                  const QByteArray& input, int timeoutMs)
{
    ProcessResult r;
    QProcess p;
    p.setProcessEnvironment(env);
    p.start(program, args);
    if (!p.waitForStarted(timeoutMs))
        return r;
    if (!input.isEmpty())
        p.write(input);
    p.closeWriteChannel();
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished();
        r.exitCode = -2;
        return r;
    }
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    return r;
}

// This process's environment without VIGIL_WORKSPACE (a workspace is always named), with `extra` set (an empty
// value removes the variable).
QProcessEnvironment cliEnvironment(const QMap<QString, QString>& extra = {})
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("VIGIL_WORKSPACE"));
    for (auto it = extra.begin(); it != extra.end(); ++it) {
        if (it.value().isEmpty())
            env.remove(it.key());
        else
            env.insert(it.key(), it.value());
    }
    return env;
}

} // namespace

ProcessResult runProgram(const QString& program, const QStringList& args, int timeoutMs)
{
    return run(program, args, QProcessEnvironment::systemEnvironment(), {}, timeoutMs);
}

ProcessResult runCli(const QStringList& args, const QByteArray& input, int timeoutMs)
{
    return run(cliPath(), args, cliEnvironment(), input, timeoutMs);
}

ProcessResult runProgramEnv(const QString& program, const QStringList& args, const QMap<QString, QString>& extra,
                            int timeoutMs)
{
    return run(program, args, cliEnvironment(extra), {}, timeoutMs);
}

ProcessResult runCliEnv(const QStringList& args, const QMap<QString, QString>& env, int timeoutMs)
{
    return runProgramEnv(cliPath(), args, env, timeoutMs);
}

} // namespace vigil::test
