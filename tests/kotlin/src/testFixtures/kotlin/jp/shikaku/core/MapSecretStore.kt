package jp.shikaku.core

/** A SecretStore as an Android shell writes one, here over a map. */
class MapSecretStore : SecretStore {
    val secrets = mutableMapOf<String, ByteArray>()

    override fun getSecret(name: String): ByteArray? = secrets[name]

    override fun setSecret(
        name: String,
        secret: ByteArray,
    ) {
        secrets[name] = secret
    }

    override fun deleteSecret(name: String) {
        secrets.remove(name)
    }
}
