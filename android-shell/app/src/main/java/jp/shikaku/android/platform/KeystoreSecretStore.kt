package jp.shikaku.android.platform

import android.content.Context
import android.security.keystore.KeyGenParameterSpec
import android.security.keystore.KeyProperties
import android.util.Base64
import jp.shikaku.core.SecretStore
import jp.shikaku.core.ShikakuException
import java.io.IOException
import java.security.GeneralSecurityException
import java.security.KeyStore
import java.security.ProviderException
import javax.crypto.Cipher
import javax.crypto.KeyGenerator
import javax.crypto.SecretKey
import javax.crypto.spec.GCMParameterSpec

/**
 * The core's secrets (its master key) wrapped with an AES-256-GCM key that never leaves
 * the Android Keystore; only the wrapped bytes are kept, in private preferences.
 */
class KeystoreSecretStore(
    context: Context,
) : SecretStore {
    private val preferences = context.getSharedPreferences("shikaku-secrets", Context.MODE_PRIVATE)

    private fun wrappingKey(): SecretKey {
        val keyStore = KeyStore.getInstance(KEYSTORE).apply { load(null) }
        (keyStore.getKey(ALIAS, null) as? SecretKey)?.let { return it }
        val generator = KeyGenerator.getInstance(KeyProperties.KEY_ALGORITHM_AES, KEYSTORE)
        generator.init(
            KeyGenParameterSpec
                .Builder(ALIAS, KeyProperties.PURPOSE_ENCRYPT or KeyProperties.PURPOSE_DECRYPT)
                .setBlockModes(KeyProperties.BLOCK_MODE_GCM)
                .setEncryptionPaddings(KeyProperties.ENCRYPTION_PADDING_NONE)
                .setKeySize(256)
                .build(),
        )
        return generator.generateKey()
    }

    override fun getSecret(name: String): ByteArray? =
        keystore {
            val stored = preferences.getString(name, null) ?: return@keystore null
            val bytes = Base64.decode(stored, Base64.NO_WRAP)
            if (bytes.size < IV_BYTES + TAG_BYTES) throw ShikakuException.SecretStore("wrapped key too short")
            val cipher = Cipher.getInstance(TRANSFORMATION)
            cipher.init(Cipher.DECRYPT_MODE, wrappingKey(), GCMParameterSpec(TAG_BYTES * 8, bytes, 0, IV_BYTES))
            cipher.updateAAD(name.toByteArray())
            cipher.doFinal(bytes, IV_BYTES, bytes.size - IV_BYTES)
        }

    override fun setSecret(
        name: String,
        secret: ByteArray,
    ) = keystore {
        val cipher = Cipher.getInstance(TRANSFORMATION)
        cipher.init(Cipher.ENCRYPT_MODE, wrappingKey())
        cipher.updateAAD(name.toByteArray())
        val sealed = cipher.iv + cipher.doFinal(secret)
        // commit(): the core writes the store only after the key is known to be kept.
        if (!preferences.edit().putString(name, Base64.encodeToString(sealed, Base64.NO_WRAP)).commit()) {
            throw ShikakuException.SecretStore("the wrapped key could not be written")
        }
    }

    override fun deleteSecret(name: String) {
        if (!preferences.edit().remove(name).commit()) {
            throw ShikakuException.SecretStore("the wrapped key could not be deleted")
        }
    }

    /**
     * The Keystore's failures (a key invalidated by a new screen lock, a busy or broken
     * Keystore, a wrapped key that no longer opens) as the core's typed error, named by
     * their class only: nothing of the secret goes into it.
     */
    private fun <T> keystore(work: () -> T): T =
        try {
            work()
        } catch (error: Exception) {
            // Base64 of a damaged preference is an IllegalArgumentException.
            val keystoreFailure =
                error is GeneralSecurityException || error is IOException || error is ProviderException || error is IllegalArgumentException
            if (!keystoreFailure) throw error
            throw ShikakuException.SecretStore("Android Keystore: ${error.javaClass.simpleName}")
        }

    private companion object {
        const val KEYSTORE = "AndroidKeyStore"
        const val ALIAS = "shikaku-secret-wrapping"
        const val TRANSFORMATION = "AES/GCM/NoPadding"
        const val IV_BYTES = 12
        const val TAG_BYTES = 16
    }
}
