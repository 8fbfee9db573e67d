using System.Reflection;
using System.Runtime.CompilerServices;

namespace Discogsography.Tests.Infrastructure;

/// <summary>
/// Loads AngleSharp.Diffing 0.17.0 (copied next to the tests by the project file) when bunit asks for the newer
/// version the mirror lacks (docs/decisions/0007-bunit-shim.md).
/// </summary>
internal static class BunitShim
{
#pragma warning disable CA2255 // A module initializer is the only hook that runs before bunit first needs the assembly.
    [ModuleInitializer]
#pragma warning restore CA2255
    internal static void Install() => AppDomain.CurrentDomain.AssemblyResolve += (_, args) =>
    {
        if (new AssemblyName(args.Name).Name != "AngleSharp.Diffing")
            return null;
        var path = Path.Combine(AppContext.BaseDirectory, "AngleSharp.Diffing.dll");
        return File.Exists(path) ? Assembly.LoadFrom(path) : null;
    };
}
