using System.Reflection;

namespace Discogsography.Tests.Unit;

/// <summary>
/// The dependency rules of docs/ARCHITECTURE.md, checked on the built assemblies: the DTOs depend on nothing, the
/// services never on the Host, the Admin only on the DTOs (it is a client like any other).
/// </summary>
public sealed class ArchitectureTests
{
    private static readonly Assembly ServiceModel = typeof(ServiceModel.Login).Assembly;
    private static readonly Assembly ServiceInterface = typeof(ServiceInterface.Infrastructure.Service).Assembly;
    private static readonly Assembly Admin = typeof(Admin.Services.AdminSession).Assembly;

    [Test]
    public void The_service_model_references_no_project_and_no_web_framework()
    {
        var references = ReferencesOf(ServiceModel);

        Assert.That(references.Where(r => r.StartsWith("Discogsography.", StringComparison.Ordinal)), Is.Empty);
        Assert.That(references.Where(r => r.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal)), Is.Empty);
    }

    [Test]
    public void The_services_do_not_reference_the_host_or_the_admin()
    {
        Assert.That(ReferencesOf(ServiceInterface).Where(r => r.StartsWith("Discogsography.", StringComparison.Ordinal)),
            Is.EquivalentTo(new[] { "Discogsography.ServiceModel" }));
    }

    [Test]
    public void The_admin_references_only_the_service_model_of_our_projects()
    {
        Assert.That(ReferencesOf(Admin).Where(r => r.StartsWith("Discogsography.", StringComparison.Ordinal)),
            Is.EquivalentTo(new[] { "Discogsography.ServiceModel" }));
    }

    [Test]
    public void Services_see_requests_as_plain_values_never_as_HTTP()
    {
        var httpTypes = ServiceInterface.GetTypes()
            .SelectMany(t => t.GetMembers(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
            .Where(m => TypesOf(m).Any(t => t.Namespace?.StartsWith("Microsoft.AspNetCore.Http", StringComparison.Ordinal) == true))
            .Select(m => $"{m.DeclaringType?.Name}.{m.Name}");

        Assert.That(httpTypes, Is.Empty);
    }

    private static IReadOnlyList<string> ReferencesOf(Assembly assembly) => [.. assembly.GetReferencedAssemblies().Select(a => a.Name!)];

    private static IEnumerable<Type> TypesOf(MemberInfo member) => member switch
    {
        FieldInfo f => [f.FieldType],
        PropertyInfo p => [p.PropertyType],
        MethodInfo m => m.GetParameters().Select(p => p.ParameterType).Append(m.ReturnType),
        ConstructorInfo c => c.GetParameters().Select(p => p.ParameterType),
        _ => [],
    };
}
