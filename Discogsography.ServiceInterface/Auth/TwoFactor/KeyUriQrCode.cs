using QRCoder;

namespace Discogsography.ServiceInterface.Auth.TwoFactor;

/// <summary>The key URI as a QR code authenticator apps scan: a PNG (QRCoder, no native drawing library) in a data URL.</summary>
public static class KeyUriQrCode
{
    private const int PixelsPerModule = 6;

    public static string PngDataUrl(string keyUri)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(keyUri, QRCodeGenerator.ECCLevel.M);
        return "data:image/png;base64," + Convert.ToBase64String(new PngByteQRCode(data).GetGraphic(PixelsPerModule));
    }
}
