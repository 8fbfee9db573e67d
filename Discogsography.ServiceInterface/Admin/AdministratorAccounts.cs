using Discogsography.ServiceInterface.Audit;
using Discogsography.ServiceInterface.Auth;
using Discogsography.ServiceInterface.Data;
using Discogsography.ServiceModel;

namespace Discogsography.ServiceInterface.Admin;

/// <summary>What <see cref="AdministratorAccounts.CreateOrPromoteAsync"/> did.</summary>
public enum AdministratorOutcome
{
    Created,
    Promoted,

    /// <summary>The email belongs to an account and promoting it was not asked for: nothing changed.</summary>
    RefusedExisting,
}

/// <summary>
/// Making an administrator from the command line. A new account is created with the operator's password. An existing
/// one is only promoted when the operator says so explicitly, and then also gets the operator's password, is
/// activated, and loses every session: whoever registered the address first (perhaps not the operator) keeps nothing.
/// </summary>
public sealed class AdministratorAccounts(UserQueries users, AdminUserQueries adminUsers, Revocations revocations, AuditLog audit)
{
    public async Task<AdministratorOutcome> CreateOrPromoteAsync(string email, string password, bool promoteExisting,
        CancellationToken cancellationToken)
    {
        var hash = PasswordHasher.Hash(password);
        if (await users.FindByEmailAsync(email, cancellationToken) is not { } existing)
        {
            var id = await users.InsertAsync(email, hash, isAdmin: true, cancellationToken);
            await audit.RecordAsync(new AuditEntry(AuditActions.AdminCreate, id, "user", id?.ToString()), null, "create-admin",
                cancellationToken);
            return AdministratorOutcome.Created;
        }
        if (!promoteExisting)
            return AdministratorOutcome.RefusedExisting;
        await users.UpdatePasswordAsync(existing.Id, hash, cancellationToken);
        await adminUsers.UpdateAsync(existing.Id, isActive: true, isAdmin: true, cancellationToken);
        var ended = await revocations.EndSessionsAsync(existing.Id, "promoted_to_admin", cancellationToken);
        await audit.RecordAsync(new AuditEntry(AuditActions.AdminPromote, existing.Id, "user", existing.Id.ToString(),
            new Dictionary<string, object?> { ["sessions_ended"] = ended.Count, ["credentials_replaced"] = true }), null, "create-admin",
                cancellationToken);
        return AdministratorOutcome.Promoted;
    }
}
