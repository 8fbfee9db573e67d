using System.Data;
using Dapper;

namespace Discogsography.ServiceInterface.Data;

/// <summary>
/// Maps <c>timestamptz</c> to <see cref="DateTimeOffset"/> in UTC both ways: Npgsql reads it as a UTC
/// <see cref="DateTime"/> and only accepts offset-zero values when writing.
/// </summary>
internal sealed class DateTimeOffsetTypeHandler : SqlMapper.TypeHandler<DateTimeOffset>
{
    public override void SetValue(IDbDataParameter parameter, DateTimeOffset value) => parameter.Value = value.ToUniversalTime();

    public override DateTimeOffset Parse(object value) => value switch
    {
        DateTime dateTime => new DateTimeOffset(DateTime.SpecifyKind(dateTime, DateTimeKind.Utc)),
        DateTimeOffset offset => offset,
        _ => throw new DataException($"Cannot read {value.GetType().Name} as a timestamp"),
    };
}
